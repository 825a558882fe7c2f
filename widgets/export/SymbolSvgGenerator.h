// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSvgGenerator>
#include <QVector>

#include <functional>

class QPainter;

namespace mls {

/// A QSvgGenerator that writes a drawing repeated many times (a kind's icon on every card) once,
/// in `<defs>`, and a `<use>` of it wherever it is drawn.
///
/// Painters that know a picture repeats ask paintSymbol(); everything else paints through the
/// ordinary QPainter calls and is written as QSvgGenerator writes it. QSvgGenerator has no way
/// to write a `<use>`, so paintSymbol() draws a placeholder text (a token no label can contain)
/// and resolveSymbols() replaces it afterwards.
class SymbolSvgGenerator : public QSvgGenerator
{
public:
    SymbolSvgGenerator();

    /// Draws @p draw (which paints into the rectangle it is given) at @p target of @p painter as
    /// a reference to the symbol @p key of target's size, drawn once the first time it is asked
    /// for. @p painter must paint on this generator.
    void paintSymbol(QPainter *painter, const QRectF &target, const QString &key,
                     const std::function<void(QPainter *, const QRectF &)> &draw);
    /// @p svg, what this generator wrote, with each placeholder replaced by a `<use>` and the
    /// symbols defined in `<defs>` before the drawing.
    QByteArray resolveSymbols(const QByteArray &svg) const;
    /// How many distinct symbols were drawn.
    int symbolCount() const { return int(m_bodies.size()); }

    /// Whether @p painter paints on a SymbolSvgGenerator (the one to ask for symbols), if any.
    static SymbolSvgGenerator *of(QPainter *painter);

private:
    QByteArray m_token; ///< random per generator, so no text drawn can look like a placeholder
    QHash<QString, int> m_ids;
    QVector<QByteArray> m_bodies; ///< the SVG of each symbol, in its own coordinates
};

} // namespace mls
