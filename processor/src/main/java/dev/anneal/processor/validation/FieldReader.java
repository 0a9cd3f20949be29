package dev.anneal.processor.validation;

import dev.anneal.processor.base.Location;
import dev.anneal.processor.base.Message;
import dev.anneal.processor.base.Report;
import dev.anneal.processor.model.FieldKind;
import dev.anneal.processor.model.FieldRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides whether a field holds parameters and how generated code reaches it. DJL's Block is
 * recognized by its qualified name among the field type's supertypes, so the processor needs no
 * DJL on its own classpath.
 */
final class FieldReader {
  private final Elements elements;
  private final Types types;
  private final TypeMirror source;
  private final TypeMirror parameter;
  private final TypeMirror collection;

  FieldReader(Elements elements, Types types, TypeElement sourceType) {
    this.elements = elements;
    this.types = types;
    this.source = types.erasure(sourceType.asType());
    TypeElement parameterType = elements.getTypeElement(Names.PARAMETER);
    this.parameter = parameterType == null ? source : types.erasure(parameterType.asType());
    this.collection = types.erasure(elements.getTypeElement("java.util.Collection").asType());
  }

  /** How the type holds parameters, or empty if it holds none. */
  Optional<FieldKind> kind(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(component), source)
          ? Optional.of(FieldKind.SOURCE_ARRAY) : Optional.empty();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    if (types.isAssignable(types.erasure(type), source)) {
      return Optional.of(FieldKind.SOURCE);
    }
    if (isBlock(type)) {
      return Optional.of(FieldKind.DJL_BLOCK);
    }
    if (types.isAssignable(types.erasure(type), collection)) {
      TypeMirror element = collectionElement(type);
      if (element != null && types.isAssignable(types.erasure(element), parameter)) {
        return Optional.of(FieldKind.PARAMETER_COLLECTION);
      }
      if (element != null && types.isAssignable(types.erasure(element), source)) {
        return Optional.of(FieldKind.SOURCE_COLLECTION);
      }
    }
    return Optional.empty();
  }

  /**
   * The field as generated code reaches it, or empty after reporting why it cannot: static fields,
   * and private fields without a no-argument accessor named like the field or {@code getField}.
   */
  Optional<FieldRef> reach(VariableElement field, FieldKind kind, TypeElement model, Report report) {
    String name = field.getSimpleName().toString();
    if (field.getModifiers().contains(Modifier.STATIC)) {
      report.add(Message.FIELD_STATIC, Location.of(field), name);
      return Optional.empty();
    }
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    if (!owner.equals(model)) {
      return reachInherited(field, kind, owner, model, report);
    }
    if (!field.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.of(new FieldRef(field, name, kind, name, false));
    }
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (ExecutableElement method : ElementFilter.methodsIn(model.getEnclosedElements())) {
      String methodName = method.getSimpleName().toString();
      if ((methodName.equals(name) || methodName.equals(getter))
          && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && !method.getModifiers().contains(Modifier.STATIC)
          && types.isAssignable(method.getReturnType(), field.asType())) {
        return Optional.of(new FieldRef(field, name, kind, methodName, true));
      }
    }
    report.add(Message.FIELD_PRIVATE, Location.of(field), name, model.getSimpleName(), name, getter);
    return Optional.empty();
  }

  /**
   * A field of a superclass: read directly when the generated class (in the model's package) may
   * read it, else through an accessor the model has or inherits; refused when a subclass's field of
   * the same name hides it, since {@code model.name} would read the other one.
   */
  private Optional<FieldRef> reachInherited(VariableElement field, FieldKind kind, TypeElement owner, TypeElement model,
      Report report) {
    String name = field.getSimpleName().toString();
    for (TypeElement t = model; t != null && !t.equals(owner); t = ModelReader.superclassOf(t)) {
      for (VariableElement other : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (other.getSimpleName().contentEquals(name)) {
          report.add(Message.FIELD_HIDDEN, Location.of(field), name, owner.getSimpleName(), name, t.getSimpleName());
          return Optional.empty();
        }
      }
    }
    String modelPackage = elements.getPackageOf(model).getQualifiedName().toString();
    if (readable(field, owner, modelPackage)) {
      return Optional.of(new FieldRef(field, name, kind, name, false));
    }
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(model))) {
      String methodName = method.getSimpleName().toString();
      if ((methodName.equals(name) || methodName.equals(getter))
          && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.STATIC)
          && readable(method, (TypeElement) method.getEnclosingElement(), modelPackage)
          && types.isAssignable(method.getReturnType(), field.asType())) {
        return Optional.of(new FieldRef(field, name, kind, methodName, true));
      }
    }
    String why = field.getModifiers().contains(Modifier.PRIVATE) ? "it is private"
        : "it is not public and " + owner.getSimpleName() + " is in package " + elements.getPackageOf(owner).getQualifiedName();
    report.add(Message.FIELD_INHERITED_UNREACHABLE, Location.of(field), name, owner.getSimpleName(),
        ModelReader.generatedName(model), why, modelPackage, getter, model.getSimpleName());
    return Optional.empty();
  }

  /** Whether code in {@code fromPackage} can read this member of {@code owner} through a reference of a subclass. */
  private boolean readable(javax.lang.model.element.Element member, TypeElement owner, String fromPackage) {
    if (member.getModifiers().contains(Modifier.PRIVATE)) {
      return false;
    }
    if (elements.getPackageOf(owner).getQualifiedName().contentEquals(fromPackage)) {
      return true;
    }
    return member.getModifiers().contains(Modifier.PUBLIC) && owner.getModifiers().contains(Modifier.PUBLIC);
  }

  private TypeMirror collectionElement(TypeMirror type) {
    Deque<TypeMirror> todo = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      TypeMirror current = todo.pop();
      if (!seen.add(current.toString())) {
        continue;
      }
      if (current instanceof DeclaredType declared
          && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.Collection")) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() != 1) {
          return null;
        }
        TypeMirror argument = arguments.get(0);
        if (argument.getKind() == TypeKind.WILDCARD) {
          TypeMirror bound = ((javax.lang.model.type.WildcardType) argument).getExtendsBound();
          return bound;
        }
        return argument.getKind() == TypeKind.DECLARED ? argument : null;
      }
      todo.addAll(types.directSupertypes(current));
    }
    return null;
  }

  private boolean isBlock(TypeMirror type) {
    Deque<TypeMirror> todo = new ArrayDeque<>(List.of(type));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      TypeMirror current = todo.pop();
      if (current.getKind() != TypeKind.DECLARED || !seen.add(types.erasure(current).toString())) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) current).asElement();
      if (element.getQualifiedName().contentEquals(Names.DJL_BLOCK)) {
        return true;
      }
      if (element.getKind() == ElementKind.CLASS || element.getKind() == ElementKind.INTERFACE) {
        todo.addAll(types.directSupertypes(current));
      }
    }
    return false;
  }
}
