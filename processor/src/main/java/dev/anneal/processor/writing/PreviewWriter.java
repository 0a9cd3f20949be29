package dev.anneal.processor.writing;

import dev.anneal.processor.model.TrainingModel;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes the schedule preview table as {@code <Model>Training.preview.txt} next to the generated class. */
public final class PreviewWriter {
  private PreviewWriter() {}

  public static void write(TrainingModel model, Filer filer) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, model.packageName(),
        model.generatedName() + ".preview.txt", model.type());
    try (Writer out = file.openWriter()) {
      out.write(SchedulePreview.table(model));
    }
  }
}
