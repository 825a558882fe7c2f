// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace mls {

class Diagram;

/// Pictures of diagrams for the template gallery: the board drawn as the canvas draws it
/// (light style, no grid), scaled to fit. Needs a QApplication (the scene is QtWidgets).
class TemplateThumbnails
{
public:
    /// The whole of @p diagram fitted and centred in an image of @p size.
    static QImage render(Diagram &diagram, const QSize &size);
    /// The picture of the diagram in file @p path, rendered once per process and size; a null
    /// image when the file cannot be read.
    static QImage forFile(const QString &path, const QSize &size);
};

} // namespace mls
