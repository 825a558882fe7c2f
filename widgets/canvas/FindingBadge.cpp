// SPDX-License-Identifier: MIT
#include "FindingBadge.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>
#include <cmath>

namespace mls {

namespace {
constexpr int maxToolTipLines = 6;
} // namespace

QColor FindingBadge::color(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QColor(0xDC, 0x26, 0x26);
    case Severity::Warning:
        return QColor(0xE8, 0x9A, 0x0C);
    case Severity::Info:
        return QColor(0x25, 0x63, 0xEB);
    }
    return QColor(0xDC, 0x26, 0x26);
}

qreal FindingBadge::radiusAt(qreal lod)
{
    return lod > 0 ? std::clamp(6.5 / lod, radius, maxRadius) : radius;
}

void FindingBadge::paint(QPainter *painter, const QPointF &c, Severity severity, qreal r)
{
    if (isSquareAt(r, painter->worldTransform().m11())) {
        painter->fillRect(QRectF(c - QPointF(r, r), QSizeF(2 * r, 2 * r)), color(severity));
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor fill = color(severity);
    // A white rim keeps the badge readable on arrows, cards and the grid alike.
    painter->setPen(QPen(Qt::white, r * 0.22));
    painter->setBrush(fill);
    if (severity == Severity::Warning) {
        const qreal h = r * 1.05;
        QPainterPath triangle;
        triangle.moveTo(c + QPointF(0, -h * 1.08));
        triangle.lineTo(c + QPointF(h * 1.12, h * 0.86));
        triangle.lineTo(c + QPointF(-h * 1.12, h * 0.86));
        triangle.closeSubpath();
        painter->drawPath(triangle);
    } else {
        painter->drawEllipse(c, r, r);
    }
    QPen mark(Qt::white, r * 0.26, Qt::SolidLine, Qt::RoundCap);
    painter->setPen(mark);
    const qreal y0 = severity == Severity::Warning ? c.y() + r * 0.05 : c.y();
    if (severity == Severity::Info) {
        // "i": a dot above a stem
        painter->drawLine(QPointF(c.x(), y0 - r * 0.05), QPointF(c.x(), y0 + r * 0.5));
        painter->drawPoint(QPointF(c.x(), y0 - r * 0.48));
    } else {
        // "!": a stem above a dot
        painter->drawLine(QPointF(c.x(), y0 - r * 0.5), QPointF(c.x(), y0 + r * 0.08));
        painter->drawPoint(QPointF(c.x(), y0 + r * 0.48));
    }
    painter->restore();
}

QIcon FindingBadge::icon(Severity severity, bool muted)
{
    // Drawn once per kind: the Problems dock asks for one per row.
    static QHash<int, QIcon> cache;
    const int id = int(severity) * 2 + (muted ? 1 : 0);
    if (auto it = cache.constFind(id); it != cache.constEnd())
        return *it;
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        if (muted)
            p.setOpacity(0.4);
        paint(&p, QPointF(size / 2.0, size / 2.0), severity, size * 0.40);
        p.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(id, icon);
    return icon;
}

QString FindingBadge::markerTarget(const Finding &f)
{
    if (f.connections().size() == 1)
        return f.connections().constFirst();
    if (!f.components().isEmpty())
        return f.components().constFirst();
    return f.connections().value(0);
}

QString FindingBadge::toolTip(const QVector<Finding> &findings, const QString &id)
{
    QStringList html;
    int more = 0;
    for (const Finding &f : findings) {
        if (f.waived() || markerTarget(f) != id)
            continue;
        if (html.size() < maxToolTipLines)
            html << QStringLiteral("<b>%1</b> %2: %3")
                        .arg(f.rule(), severityName(f.severity()), f.message().toHtmlEscaped());
        else
            ++more;
    }
    if (more > 0)
        html << QStringLiteral("… and %1 more").arg(more);
    return html.join(QStringLiteral("<br/>"));
}

QHash<QString, FindingBadge::Marker> FindingBadge::markers(const QVector<Finding> &findings)
{
    QHash<QString, Marker> byItem;
    for (const Finding &f : findings) {
        if (f.waived())
            continue;
        const QString target = markerTarget(f);
        if (target.isEmpty())
            continue;
        auto it = byItem.find(target);
        if (it == byItem.end())
            it = byItem.insert(target, Marker{f.severity(), 0});
        it->severity = std::max(it->severity, f.severity());
        ++it->count;
    }
    return byItem;
}

} // namespace mls
