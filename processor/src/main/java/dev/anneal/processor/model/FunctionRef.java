package dev.anneal.processor.model;

import javax.lang.model.element.TypeElement;

/** A user's class implementing {@code IntToDoubleFunction}, instantiated by generated code ({@code LambdaLR}). */
public record FunctionRef(TypeElement type) implements Value {}
