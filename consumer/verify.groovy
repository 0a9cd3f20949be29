// Run by Anneal's build after `mvn package exec:java` of this project (see invoker.properties):
// the build must have compiled the model with the processor and trained it to the expected fit.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/consumer/LinearModelTraining.java')
assert generated.isFile() : "the Anneal processor did not write ${generated}"
assert log.contains('consumer: 12/12 epochs, 96 optimizer steps') : 'the training did not run all its epochs'
def fit = (log =~ /consumer: validation loss ([0-9.eE+-]+)/)
assert fit.find() : 'no validation loss line in the output'
assert Double.parseDouble(fit.group(1)) < 1e-2 : "the model did not fit: validation loss ${fit.group(1)}"
assert !log.contains('\u001b[') : 'escape codes in the output of a build that is not on a terminal'
// The loop logs its epoch lines through SLF4J; the consumer's binding (slf4j-simple) prints them.
assert log.contains('INFO dev.anneal.loop.TrainingLoop - epoch 12/12') : 'the training loop logged no epoch line through SLF4J'
// The version a copy of this project starts from is the one Anneal's build just made.
def pom = new File(basedir, 'pom.xml').text
assert pom.contains("<anneal.version>${annealVersion}</anneal.version>") : "consumer/pom.xml's anneal.version is not ${annealVersion}"
// Anneal's versions come from the BOM, imported: no Anneal dependency names a version of its own.
assert pom.contains('<artifactId>anneal-bom</artifactId><version>${anneal.version}</version>') && pom.contains('<scope>import</scope>') : 'consumer/pom.xml does not import anneal-bom'
assert !(pom =~ /anneal-(annotations|runtime|processor)<\/artifactId><version>/) : 'an Anneal artifact with its own version in consumer/pom.xml'
return true
