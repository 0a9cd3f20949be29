package dev.anneal.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.anneal.processor.base.Message;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * What only the source files tell, read through javac's tree API (what javac offers processors;
 * under another compiler these checks are skipped): whether a model is an auxiliary class of a
 * file named after another class, and {@code @Training} on local classes, which annotation
 * processing never hands to a processor.
 */
public final class SourceFiles {
  private final Trees trees;
  private final Set<CompilationUnitTree> scanned = new HashSet<>();

  private SourceFiles(Trees trees) {
    this.trees = trees;
  }

  public static SourceFiles of(ProcessingEnvironment env) {
    try {
      return new SourceFiles(Trees.instance(env));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return new SourceFiles(null);
    }
  }

  /** The file a top-level model shares with the class it is named after, or empty when the file is its own. */
  public Optional<String> auxiliaryFile(TypeElement type) {
    if (trees == null || type.getNestingKind() != NestingKind.TOP_LEVEL) {
      return Optional.empty();
    }
    TreePath path = trees.getPath(type);
    if (path == null) {
      return Optional.empty();
    }
    JavaFileObject file = path.getCompilationUnit().getSourceFile();
    if (file.getKind() != JavaFileObject.Kind.SOURCE || file.isNameCompatible(type.getSimpleName().toString(), file.getKind())) {
      return Optional.empty();
    }
    String name = file.getName();
    return Optional.of(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
  }

  /** Reports, as errors on the class, every local class annotated {@code @Training} in the files of {@code roots}. */
  public void reportLocalModels(Set<? extends Element> roots) {
    if (trees == null) {
      return;
    }
    for (Element root : roots) {
      TreePath path = trees.getPath(root);
      if (path != null && scanned.add(path.getCompilationUnit())) {
        new LocalModels(path.getCompilationUnit()).scan(path.getCompilationUnit(), false);
      }
    }
  }

  /** Finds class declarations inside method bodies whose annotations name {@code Training}. */
  private final class LocalModels extends TreePathScanner<Void, Boolean> {
    private final CompilationUnitTree unit;
    private final boolean importsTraining;

    LocalModels(CompilationUnitTree unit) {
      this.unit = unit;
      boolean imports = false;
      for (ImportTree i : unit.getImports()) {
        String name = i.getQualifiedIdentifier().toString();
        imports |= !i.isStatic() && (name.equals(Names.TRAINING) || name.equals(Names.PACKAGE + "*"));
      }
      this.importsTraining = imports;
    }

    @Override
    public Void visitMethod(MethodTree method, Boolean inBody) {
      return super.visitMethod(method, true);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree lambda, Boolean inBody) {
      return super.visitLambdaExpression(lambda, true);
    }

    /** An initializer block: a class declared in it is local too. */
    @Override
    public Void visitBlock(BlockTree block, Boolean inBody) {
      return super.visitBlock(block, true);
    }

    @Override
    public Void visitClass(ClassTree type, Boolean inBody) {
      if (Boolean.TRUE.equals(inBody)) {
        for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
          String name = annotation.getAnnotationType().toString();
          if (name.equals(Names.TRAINING) || importsTraining && name.equals("Training")) {
            trees.printMessage(Message.MODEL_LOCAL.kind(), Message.MODEL_LOCAL.render(type.getSimpleName()), type, unit);
          }
        }
      }
      // members of a local or anonymous class are inside a body too; those of a nested class only if it is
      return super.visitClass(type, inBody);
    }
  }
}
