// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace mls {

/// The files mlsketch exports, told apart by the output file's extension.
enum class ExportFormat
{
    Png,
    Svg,
    Pdf,
    Dot,
    Mermaid,
    Markdown,
    Text ///< the text form of a design (.mls), read back by TextParser
};

/// Extensions, names and file-dialog filters of the export formats.
class ExportFormats
{
public:
    /// Every format, in menu order.
    static QList<ExportFormat> all();
    /// The format of @p path's extension (case-insensitive: png, svg, pdf, dot/gv, mmd, md, mls).
    static std::optional<ExportFormat> fromPath(const QString &path);
    /// The canonical extension without the dot ("png", "mmd").
    static QString extension(ExportFormat format);
    /// A human name ("PNG image", "Mermaid flowchart").
    static QString name(ExportFormat format);
    /// "PNG image (*.png)", for a file dialog.
    static QString filter(ExportFormat format);
    /// ".png, .svg, .pdf, .dot, .mmd, .md or .mls" (for messages).
    static QString extensionList();
    /// True for the formats drawn from the canvas (PNG, SVG, PDF); the others are text.
    static bool isImage(ExportFormat format);
};

} // namespace mls
