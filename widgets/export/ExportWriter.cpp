// SPDX-License-Identifier: MIT
#include "ExportWriter.h"

#include "AtomicFile.h"
#include "Diagram.h"
#include "SceneExporter.h"
#include "export/DotExport.h"
#include "export/ExportScope.h"
#include "export/MermaidExport.h"
#include "export/ReviewExport.h"
#include "text/TextWriter.h"

#include <QDir>
#include <QFileInfo>

namespace mls {

namespace {

bool save(const QString &path, const QByteArray &bytes, QString *error)
{
    QString why;
    if (!AtomicFile::write(path, bytes, &why)) {
        if (error)
            *error = QStringLiteral("cannot write \"%1\": %2").arg(path, why.mid(path.size() + 2));
        return false;
    }
    return true;
}

} // namespace

QString ExportWriter::reviewImagePath(const QString &reviewPath)
{
    const QFileInfo info(reviewPath);
    const QString name = info.completeBaseName() + QStringLiteral(".png");
    return info.path() == QLatin1String(".") ? name : info.dir().filePath(name);
}

QByteArray ExportWriter::bytes(Diagram &diagram, ExportFormat format, const ExportOptions &options,
                               QString *error, const QString &reviewImage)
{
    if (ExportFormats::isImage(format)) {
        const SceneExporter exporter(&diagram, options);
        if (format == ExportFormat::Svg)
            return exporter.toSvg();
        if (format == ExportFormat::Pdf)
            return exporter.toPdf();
        return exporter.toPng(error);
    }
    std::unique_ptr<Diagram> subset;
    const Diagram *d = &diagram;
    if (!options.selection.isEmpty()) {
        subset = ExportScope::subset(diagram, options.selection);
        d = subset.get();
    }
    switch (format) {
    case ExportFormat::Dot:
        return DotExport::toDot(*d);
    case ExportFormat::Mermaid:
        return MermaidExport::toMermaid(*d).toUtf8();
    case ExportFormat::Markdown:
        return ReviewExport::toMarkdown(*d, {reviewImage, {}}).toUtf8();
    case ExportFormat::Text:
        return TextWriter::toText(*d).toUtf8();
    default:
        break;
    }
    return {};
}

bool ExportWriter::write(Diagram &diagram, const QString &path, ExportFormat format,
                         const ExportOptions &options, QString *error)
{
    QString reason;
    QString image;
    if (format == ExportFormat::Markdown) {
        const QString imagePath = reviewImagePath(path);
        const QByteArray png = bytes(diagram, ExportFormat::Png, options, &reason);
        if (png.isEmpty()) {
            if (error)
                *error = QStringLiteral("cannot draw the diagram for \"%1\": %2").arg(path, reason);
            return false;
        }
        if (!save(imagePath, png, error))
            return false;
        image = QFileInfo(imagePath).fileName();
    }
    const QByteArray data = bytes(diagram, format, options, &reason, image);
    if (data.isEmpty()) {
        if (error)
            *error = QStringLiteral("cannot export \"%1\": %2").arg(path, reason);
        return false;
    }
    return save(path, data, error);
}

bool ExportWriter::write(Diagram &diagram, const QString &path, const ExportOptions &options,
                         QString *error)
{
    const auto format = ExportFormats::fromPath(path);
    if (!format) {
        if (error)
            *error = QStringLiteral("cannot export \"%1\": unknown format \"%2\" (use %3)")
                         .arg(path,
                              QFileInfo(path).suffix().isEmpty()
                                  ? QStringLiteral("no extension")
                                  : QLatin1Char('.') + QFileInfo(path).suffix(),
                              ExportFormats::extensionList());
        return false;
    }
    return write(diagram, path, *format, options, error);
}

} // namespace mls
