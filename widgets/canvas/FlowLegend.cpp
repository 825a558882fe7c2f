// SPDX-License-Identifier: MIT
#include "FlowLegend.h"

#include "CardStyle.h"
#include "Catalog.h"
#include "ConnectionItem.h"
#include "Diagram.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QSet>

#include <algorithm>

namespace mls {

namespace {
// Board pixels.
constexpr qreal pad = 8;
constexpr qreal sampleWidth = 34;
constexpr qreal gap = 8;
constexpr qreal rowGap = 2;

QFont titleFont(const CardStyle &style)
{
    QFont f = style.kindFont();
    f.setBold(true);
    return f;
}
} // namespace

QStringList FlowLegend::usedFlows(const Diagram &diagram)
{
    QSet<QString> used;
    for (const Connection &c : diagram.connections())
        used.insert(c.flow);
    QStringList flows;
    for (const FlowType &f : Catalog::builtin().flows()) {
        if (used.remove(f.id))
            flows << f.id;
    }
    QStringList unknown(used.begin(), used.end());
    std::sort(unknown.begin(), unknown.end());
    return flows + unknown;
}

QSizeF FlowLegend::size(const QStringList &flows, const CardStyle &style)
{
    if (flows.isEmpty())
        return {};
    const QFontMetricsF fm(style.kindFont());
    const QFontMetricsF tm(titleFont(style));
    qreal text = tm.horizontalAdvance(QStringLiteral("Flows")) - sampleWidth - gap;
    for (const QString &f : flows)
        text = std::max(text, fm.horizontalAdvance(Catalog::builtin().flowLabel(f)));
    const qreal rows = flows.size() * (fm.height() + rowGap);
    return {std::ceil(2 * pad + sampleWidth + gap + text),
            std::ceil(2 * pad + tm.height() + 4 + rows)};
}

void FlowLegend::paint(QPainter *painter, const QPointF &topLeft, const QStringList &flows,
                       const CardStyle &style)
{
    if (flows.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(topLeft, size(flows, style));
    QColor fill = style.cardFill;
    fill.setAlphaF(0.94);
    painter->setPen(QPen(style.cardBorder, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QFontMetricsF tm(titleFont(style));
    painter->setFont(titleFont(style));
    painter->setPen(style.subtleText);
    painter->drawText(QRectF(box.left() + pad, box.top() + pad, box.width() - 2 * pad, tm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Flows"));

    const QFontMetricsF fm(style.kindFont());
    painter->setFont(style.kindFont());
    qreal y = box.top() + pad + tm.height() + 4;
    for (const QString &id : flows) {
        const FlowType *flow = Catalog::builtin().flow(id);
        QColor color = flow ? flow->color : style.unknown;
        if (style.dark)
            color = color.lighter(140); // as ConnectionItem::strokeColor draws it
        const qreal mid = y + fm.height() / 2;
        const QPointF from(box.left() + pad, mid);
        const QPointF to(box.left() + pad + sampleWidth - 6, mid);
        painter->setPen(ConnectionItem::flowPen(id, color, 1.6));
        painter->drawLine(from, to);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(
            QPolygonF{to + QPointF(6, 0), to + QPointF(0, -3.5), to + QPointF(0, 3.5)});
        painter->setPen(style.text);
        painter->drawText(QRectF(box.left() + pad + sampleWidth + gap, y,
                                 box.width() - 2 * pad - sampleWidth - gap, fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, Catalog::builtin().flowLabel(id));
        y += fm.height() + rowGap;
    }
    painter->restore();
}

} // namespace mls
