package dev.anneal.lrfind;

/**
 * A suggested lr from an lr range test: the method that found it, the lr, and the index of the
 * recorded step nearest to it (where a plot marks it).
 */
public record Suggestion(String method, double lr, int index) {}
