// SPDX-License-Identifier: MIT
#include "ImportCommand.h"

#include "DiagramWriter.h"
#include "import/DiagramImport.h"
#include "text/DesignFile.h"
#include "text/TextWriter.h"

#include <QCommandLineParser>
#include <QSaveFile>

namespace mls {

namespace {

const char *const usage = "usage: mlsketch import FILE.(mmd|md|dot|gv) -o OUT.(mlsketch|mls) "
                          "[--block N]\n";

bool save(const Diagram &d, const QString &path, QString *error)
{
    if (!DesignFile::isText(path))
        return DiagramWriter::save(d, path, error);
    QSaveFile file(path);
    const QByteArray bytes = TextWriter::toText(d).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

int ImportCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, {},
                                    QStringLiteral("OUT"));
    const QCommandLineOption block(QStringLiteral("block"), {}, QStringLiteral("N"),
                                   QStringLiteral("1"));
    p.addOptions({output, block});
    if (!p.parse(QStringList{QStringLiteral("mlsketch import")} + args)) {
        err << "mlsketch import: " << p.errorText() << '\n' << usage;
        return 2;
    }
    bool ok = false;
    const int blockNumber = p.value(block).toInt(&ok);
    if (!ok || blockNumber < 1) {
        err << "mlsketch import: --block takes the number of a ```mermaid block, from 1\n";
        return 2;
    }
    if (p.positionalArguments().size() != 1 || p.value(output).isEmpty()) {
        err << usage;
        return 2;
    }
    const QString file = p.positionalArguments().constFirst();
    const ImportResult r = DiagramImport::importFile(file, blockNumber - 1);
    if (!r.ok()) {
        err << "mlsketch import: " << r.error << '\n';
        return 2;
    }
    for (const QString &w : r.warnings)
        err << "mlsketch import: " << file << ": warning: " << w << '\n';
    QString error;
    if (!save(*r.diagram, p.value(output), &error)) {
        err << "mlsketch import: " << error << '\n';
        return 2;
    }
    out << "Imported " << r.diagram->components().size() << " components, "
        << r.diagram->connections().size() << " connections and " << r.diagram->groups().size()
        << " zones to " << p.value(output) << '\n';
    return 0;
}

} // namespace mls
