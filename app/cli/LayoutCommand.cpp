// SPDX-License-Identifier: MIT
#include "LayoutCommand.h"

#include "DiagramReader.h"
#include "DiagramWriter.h"
#include "layout/DiagramLayout.h"
#include "text/DesignFile.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace mls {

namespace {

const char *const usage =
    "usage: mlsketch layout FILE -o OUT [--engine dot|sfdp] [--direction LR|TB]\n";

struct Request
{
    QString file;
    QString output;
    LayoutOptions options;
};

/// Parses the options; returns false with a message on @p err.
bool parseOptions(const QStringList &args, Request &r, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, {},
                                    QStringLiteral("OUT"));
    const QCommandLineOption engine(QStringLiteral("engine"), {}, QStringLiteral("ENGINE"),
                                    QStringLiteral("dot"));
    const QCommandLineOption direction(QStringLiteral("direction"), {}, QStringLiteral("DIR"),
                                       QStringLiteral("LR"));
    p.addOptions({output, engine, direction});
    if (!p.parse(QStringList{QStringLiteral("mlsketch layout")} + args)) {
        err << "mlsketch layout: " << p.errorText() << '\n' << usage;
        return false;
    }
    const auto e = GraphvizLayout::engineFromName(p.value(engine));
    const auto d = GraphvizLayout::directionFromName(p.value(direction));
    if (!e)
        err << "mlsketch layout: unknown engine \"" << p.value(engine) << "\" (dot or sfdp)\n";
    if (!d)
        err << "mlsketch layout: unknown direction \"" << p.value(direction) << "\" (LR or TB)\n";
    if (!e || !d || p.positionalArguments().size() != 1 || p.value(output).isEmpty()) {
        err << usage;
        return false;
    }
    r.file = p.positionalArguments().constFirst();
    r.output = p.value(output);
    // Layout writes a diagram: a picture's name is a mistake (export --layout draws one).
    const QString suffix = QFileInfo(r.output).suffix();
    if (!suffix.isEmpty() && suffix.compare(QLatin1String("mlsketch"), Qt::CaseInsensitive) != 0) {
        err << "mlsketch layout: " << r.output << ": layout writes a .mlsketch diagram, not ."
            << suffix << " (for a picture: mlsketch export FILE -o " << r.output << " --layout)\n";
        return false;
    }
    r.options.engine = *e;
    r.options.direction = *d;
    return true;
}

} // namespace

int LayoutCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    Request request;
    if (!parseOptions(args, request, err))
        return 2;
    ReadResult read = DesignFile::readFile(request.file);
    if (!read.ok()) {
        err << "mlsketch layout: " << read.error << '\n';
        return 2;
    }
    for (const QString &w : read.warnings)
        err << "mlsketch layout: " << request.file << ": warning: " << w << '\n';
    const LayoutResult result = DiagramLayout::apply(*read.diagram, request.options);
    if (!result.ok) {
        err << "mlsketch layout: " << result.error << '\n';
        return 2;
    }
    QString error;
    if (!DiagramWriter::save(*read.diagram, request.output, &error)) {
        err << "mlsketch layout: " << error << '\n';
        return 2;
    }
    out << result.message << '\n';
    return 0;
}

} // namespace mls
