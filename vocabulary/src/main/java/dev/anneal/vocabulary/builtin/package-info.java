/** The descriptors and closed forms that ship with Anneal; read them through {@link dev.anneal.vocabulary.Vocabulary}. */
package dev.anneal.vocabulary.builtin;
