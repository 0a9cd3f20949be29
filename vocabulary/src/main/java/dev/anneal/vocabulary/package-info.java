/**
 * One vocabulary: every optimizer, scheduler and loss described once ({@link dev.anneal.vocabulary.Descriptor}),
 * with each keyword argument's PyTorch name, Java name, kind, default, range and presence
 * ({@link dev.anneal.vocabulary.Argument}), rules across arguments, how a scheduler steps and its
 * closed form. The runtime's factories, the processor's checks and preview, the typed DSL and the
 * README's tables read these; nothing restates them. {@link dev.anneal.vocabulary.Vocabulary} holds
 * the built-ins plus users' {@link dev.anneal.vocabulary.DescriptorProvider}s. Dependency-free.
 */
package dev.anneal.vocabulary;
