// SPDX-License-Identifier: MIT
#include "ExportCommand.h"

#include "DiagramReader.h"
#include "export/ExportFormat.h"
#include "export/ExportWriter.h"
#include "layout/DiagramLayout.h"
#include "text/DesignFile.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace mls {

namespace {

const char *const usage =
    "usage: mlsketch export FILE -o OUT.(png|svg|pdf|dot|mmd|md|mls) [--scale 1-4]\n"
    "                       [--background white|transparent|dark] [--margin PX] [--markers]\n"
    "                       [--layout] [--no-legend]\n";

struct Request
{
    QString file;
    QString output;
    ExportFormat format = ExportFormat::Png;
    ExportOptions options;
    bool layout = false;
};

bool parseNumber(const QString &text, qreal min, qreal max, qreal *value)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !(v >= min && v <= max))
        return false;
    *value = v;
    return true;
}

/// Parses the options; returns false with a message on @p err.
bool parseOptions(const QStringList &args, Request &r, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, {},
                                    QStringLiteral("OUT"));
    const QCommandLineOption scale(QStringLiteral("scale"), {}, QStringLiteral("N"),
                                   QStringLiteral("1"));
    const QCommandLineOption background(QStringLiteral("background"), {}, QStringLiteral("B"),
                                        QStringLiteral("white"));
    const QCommandLineOption margin(QStringLiteral("margin"), {}, QStringLiteral("PX"),
                                    QStringLiteral("24"));
    const QCommandLineOption markers(QStringLiteral("markers"));
    const QCommandLineOption layout(QStringLiteral("layout"));
    const QCommandLineOption noLegend(QStringLiteral("no-legend"));
    p.addOptions({output, scale, background, margin, markers, layout, noLegend});
    if (!p.parse(QStringList{QStringLiteral("mlsketch export")} + args)) {
        err << "mlsketch export: " << p.errorText() << '\n' << usage;
        return false;
    }
    bool ok = true;
    if (!parseNumber(p.value(scale), ExportOptions::minScale, ExportOptions::maxScale,
                     &r.options.scale)) {
        err << "mlsketch export: --scale must be a number from 1 to 4, not \"" << p.value(scale)
            << "\"\n";
        ok = false;
    }
    if (!parseNumber(p.value(margin), 0, ExportOptions::maxMargin, &r.options.margin)) {
        err << "mlsketch export: --margin must be a number of pixels from 0 to 400, not \""
            << p.value(margin) << "\"\n";
        ok = false;
    }
    const auto bg = ExportOptions::backgroundFromName(p.value(background));
    if (!bg) {
        err << "mlsketch export: unknown background \"" << p.value(background)
            << "\" (white, transparent or dark)\n";
        ok = false;
    }
    if (!ok || p.positionalArguments().size() != 1 || p.value(output).isEmpty()) {
        err << usage;
        return false;
    }
    r.file = p.positionalArguments().constFirst();
    r.output = p.value(output);
    r.options.background = *bg;
    r.options.problemMarkers = p.isSet(markers);
    r.options.flowLegend = !p.isSet(noLegend);
    r.layout = p.isSet(layout);
    const auto format = ExportFormats::fromPath(r.output);
    if (!format) {
        err << "mlsketch export: cannot tell the format of \"" << r.output
            << "\" from its extension (use " << ExportFormats::extensionList() << ")\n";
        return false;
    }
    r.format = *format;
    return true;
}

} // namespace

int ExportCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    Request request;
    if (!parseOptions(args, request, err))
        return 2;
    ReadResult read = DesignFile::readFile(request.file);
    if (!read.ok()) {
        err << "mlsketch export: " << read.error << '\n';
        return 2;
    }
    for (const QString &w : read.warnings)
        err << "mlsketch export: " << request.file << ": warning: " << w << '\n';
    if (request.layout) {
        const LayoutResult result = DiagramLayout::apply(*read.diagram, {});
        if (!result.ok) {
            err << "mlsketch export: " << result.error << '\n';
            return 2;
        }
    }
    QString error;
    if (!ExportWriter::write(*read.diagram, request.output, request.format, request.options,
                             &error)) {
        err << "mlsketch export: " << error << '\n';
        return 2;
    }
    out << "Exported " << ExportFormats::name(request.format) << " to " << request.output;
    if (request.format == ExportFormat::Markdown)
        out << " (diagram image " << ExportWriter::reviewImagePath(request.output) << ')';
    out << '\n';
    return 0;
}

} // namespace mls
