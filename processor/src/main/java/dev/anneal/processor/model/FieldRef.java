package dev.anneal.processor.model;

import javax.lang.model.element.VariableElement;

/**
 * A field that holds parameters and how generated code reaches it: {@code accessor} is the field
 * name for a direct read ({@code model.stem}) or a method call ({@code model.stem()}).
 */
public record FieldRef(VariableElement element, String name, FieldKind kind, String accessor, boolean viaMethod) {}
