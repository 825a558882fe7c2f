// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPixmap>
#include <QString>

#include <memory>

class QPainter;
class QSvgRenderer;

namespace mls {

/// Renders the catalog's SVG icons in any colour and size, once each.
///
/// Kind icons are drawn in a single ink colour (#263238) so they can be recoloured by
/// substituting that string before rendering: dark ink on light cards, light ink on dark ones.
class IconCache
{
public:
    static IconCache &instance();

    /// The icon file (e.g. "vector_db.svg") at @p logicalSize px, drawn in @p ink, for a
    /// device pixel ratio of @p dpr. Falls back to the unknown-kind icon.
    QPixmap pixmap(const QString &iconFile, int logicalSize, const QColor &ink, qreal dpr = 1.0);
    /// Draws the icon into @p target: as vectors on a vector device (SVG, PDF, printer), so
    /// exports stay sharp at any zoom; as the cached pixmap at @p dpr everywhere else.
    void paint(QPainter *painter, const QRectF &target, const QString &iconFile, const QColor &ink,
               qreal dpr = 1.0);
    /// A QIcon for menus and the palette.
    QIcon icon(const QString &iconFile, const QColor &ink);
    /// The icon file of a kind id ("unknown.svg" when the kind is not in the catalog).
    static QString iconFileForKind(const QString &kind);

private:
    QByteArray svgBytes(const QString &iconFile);
    QByteArray inkedSvg(const QString &iconFile, const QColor &ink);

    QHash<QString, QByteArray> m_svg;
    QHash<QString, QPixmap> m_pixmaps;
    QHash<QString, std::shared_ptr<QSvgRenderer>> m_renderers; ///< for vector devices
};

} // namespace mls
