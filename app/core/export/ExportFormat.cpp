// SPDX-License-Identifier: MIT
#include "ExportFormat.h"

#include <QFileInfo>

namespace mls {

QList<ExportFormat> ExportFormats::all()
{
    return {ExportFormat::Png,     ExportFormat::Svg,      ExportFormat::Pdf, ExportFormat::Dot,
            ExportFormat::Mermaid, ExportFormat::Markdown, ExportFormat::Text};
}

std::optional<ExportFormat> ExportFormats::fromPath(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    for (ExportFormat f : all()) {
        if (ext == extension(f))
            return f;
    }
    if (ext == QLatin1String("gv"))
        return ExportFormat::Dot;
    return std::nullopt;
}

QString ExportFormats::extension(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Dot:
        return QStringLiteral("dot");
    case ExportFormat::Mermaid:
        return QStringLiteral("mmd");
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Text:
        return QStringLiteral("mls");
    }
    return {};
}

QString ExportFormats::name(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("PNG image");
    case ExportFormat::Svg:
        return QStringLiteral("SVG vector image");
    case ExportFormat::Pdf:
        return QStringLiteral("PDF document");
    case ExportFormat::Dot:
        return QStringLiteral("Graphviz DOT");
    case ExportFormat::Mermaid:
        return QStringLiteral("Mermaid flowchart");
    case ExportFormat::Markdown:
        return QStringLiteral("Markdown design review");
    case ExportFormat::Text:
        return QStringLiteral("mlsketch text form");
    }
    return {};
}

QString ExportFormats::filter(ExportFormat format)
{
    return QStringLiteral("%1 (*.%2)").arg(name(format), extension(format));
}

QString ExportFormats::extensionList()
{
    QStringList exts;
    for (ExportFormat f : all())
        exts << QLatin1Char('.') + extension(f);
    const QString last = exts.takeLast();
    return exts.join(QLatin1String(", ")) + QLatin1String(" or ") + last;
}

bool ExportFormats::isImage(ExportFormat format)
{
    return format == ExportFormat::Png || format == ExportFormat::Svg ||
           format == ExportFormat::Pdf;
}

} // namespace mls
