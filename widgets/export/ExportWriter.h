// SPDX-License-Identifier: MIT
#pragma once

#include "ExportOptions.h"
#include "export/ExportFormat.h"

#include <QString>

namespace mls {

class Diagram;

/// Writes a diagram to a file in any export format: the images through SceneExporter, the
/// text formats through the core exporters. Files are replaced atomically (QSaveFile), so a
/// failed export never leaves half a file.
class ExportWriter
{
public:
    /// Writes @p path in @p format. A Markdown review also writes its diagram image next to it
    /// (`<name>.png`, referenced from the text). False with @p error ("cannot write
    /// "/x/y.png": Permission denied") on failure.
    static bool write(Diagram &diagram, const QString &path, ExportFormat format,
                      const ExportOptions &options, QString *error);
    /// The same with the format taken from @p path's extension; an unknown extension is an
    /// error naming the ones known.
    static bool write(Diagram &diagram, const QString &path, const ExportOptions &options,
                      QString *error);
    /// The image a Markdown review at @p reviewPath refers to: same folder and name, .png.
    static QString reviewImagePath(const QString &reviewPath);
    /// The bytes of @p format (no sidecar image for Markdown); empty with @p error on failure.
    static QByteArray bytes(Diagram &diagram, ExportFormat format, const ExportOptions &options,
                            QString *error, const QString &reviewImage = {});
};

} // namespace mls
