// SPDX-License-Identifier: MIT
#pragma once

#include "ExportOptions.h"

#include <QByteArray>
#include <QImage>
#include <QRectF>

#include <memory>

class QPainter;
class QPrinter;

namespace mls {

class Diagram;
class DiagramScene;

/// Draws a diagram as the canvas shows it, minus what only editing needs (selection, handles,
/// hover, the grid), into an image, SVG, PDF or a printer.
///
/// It builds its own scene over the diagram (or over the selected part), so the window's
/// scene, its selection and zoom are never touched. Everything is in board coordinates: one
/// board pixel is one PNG pixel at scale 1 (96 DPI), one SVG user unit, and 1/96 inch on a
/// PDF page.
class SceneExporter
{
public:
    /// @p diagram must outlive the exporter; it is only read.
    SceneExporter(Diagram *diagram, const ExportOptions &options);
    ~SceneExporter();
    SceneExporter(const SceneExporter &) = delete;
    SceneExporter &operator=(const SceneExporter &) = delete;

    /// The scene drawn (tests compare it with the canvas).
    DiagramScene *scene() const { return m_scene.get(); }
    const ExportOptions &options() const { return m_options; }
    /// What is drawn, without the margin (board coordinates).
    QRectF contentRect() const { return m_content; }
    /// contentRect() plus the margin: the area of the image, the SVG viewBox and the PDF page.
    QRectF sourceRect() const;
    /// sourceRect() times the scale, in whole pixels.
    QSize imageSize() const;
    /// The title and description written into SVG and PDF files.
    QString title() const;
    QString description() const;

    /// Draws sourceRect() into @p target of @p painter (background first).
    void render(QPainter *painter, const QRectF &target) const;
    /// The PNG picture: imageSize() pixels with 96 × scale DPI metadata. A null image with
    /// @p error when the image would be too large to allocate.
    QImage toImage(QString *error = nullptr) const;
    QByteArray toPng(QString *error = nullptr) const;
    /// Vectors with real <text>; viewBox = sourceRect(), size = sourceRect() × scale.
    QByteArray toSvg() const;
    /// One page exactly the size of sourceRect() × scale (at 96 DPI), vectors and text.
    QByteArray toPdf() const;
    /// Fits the drawing on the printer's page (keeping its aspect), centred.
    void print(QPrinter *printer) const;

    /// The largest image toImage() makes, in pixels per side and in total.
    static constexpr int maxImageSide = 32767;
    static constexpr qint64 maxImagePixels = 400'000'000;

private:
    std::unique_ptr<Diagram> m_subset; ///< the selected part, when only a selection is drawn
    Diagram *m_diagram;
    ExportOptions m_options;
    std::unique_ptr<DiagramScene> m_scene;
    QRectF m_content;
};

} // namespace mls
