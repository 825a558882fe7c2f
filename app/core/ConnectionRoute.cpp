// SPDX-License-Identifier: MIT
#include "ConnectionRoute.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace mls {

namespace {

QString number(double v)
{
    // Shortest text that reads back as the same double: a saved route still fits its cards.
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString pairs(const QVector<QPointF> &points)
{
    QStringList parts;
    parts.reserve(points.size());
    for (const QPointF &p : points)
        parts << number(p.x()) + QLatin1Char(',') + number(p.y());
    return parts.join(QLatin1Char(' '));
}

/// Parses "x,y x,y …"; false with @p problem on the first bad pair.
bool parsePairs(const Json &obj, const char *key, double limit, int maxCount, QVector<QPointF> &out,
                QString *problem)
{
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) {
        *problem = QStringLiteral("\"%1\" must be a string of x,y pairs").arg(QLatin1String(key));
        return false;
    }
    const QStringList parts =
        toQt(it->get<std::string>()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() > maxCount) {
        *problem = QStringLiteral("\"%1\" has %2 points, more than the limit of %3")
                       .arg(QLatin1String(key))
                       .arg(parts.size())
                       .arg(maxCount);
        return false;
    }
    for (const QString &part : parts) {
        const QStringList xy = part.split(QLatin1Char(','));
        bool okX = false, okY = false;
        const double x = xy.size() == 2 ? xy[0].toDouble(&okX) : 0;
        const double y = xy.size() == 2 ? xy[1].toDouble(&okY) : 0;
        if (!okX || !okY || !std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > limit ||
            std::fabs(y) > limit) {
            *problem = QStringLiteral("\"%1\" holds \"%2\", not an x,y pair within ±%3")
                           .arg(QLatin1String(key), part.left(40), number(limit));
            return false;
        }
        out.append(QPointF(x, y));
    }
    return true;
}

} // namespace

Json ConnectionRoute::toJson() const
{
    Json o = Json::object();
    o["ends"] = toStd(pairs({fromCentre, toCentre}));
    o["points"] = toStd(pairs(points));
    o["tip"] = toStd(pairs({tip}));
    return o;
}

ConnectionRoute ConnectionRoute::fromJson(const Json &value, double maxCoordinate, QString *problem)
{
    QString local;
    QString &why = problem ? *problem : local;
    if (!value.is_object()) {
        why = QStringLiteral("expected an object");
        return {};
    }
    QVector<QPointF> ends, points, tip;
    if (!parsePairs(value, "ends", maxCoordinate, 2, ends, &why) ||
        !parsePairs(value, "points", maxCoordinate, maxPoints, points, &why) ||
        !parsePairs(value, "tip", maxCoordinate, 1, tip, &why))
        return {};
    if (ends.size() != 2 || tip.size() != 1) {
        why = QStringLiteral("\"ends\" needs two points and \"tip\" one");
        return {};
    }
    if (points.size() < 4 || (points.size() - 1) % 3 != 0) {
        why = QStringLiteral("\"points\" has %1 points; a Bézier route needs 3n + 1 (at least 4)")
                  .arg(points.size());
        return {};
    }
    ConnectionRoute route;
    route.fromCentre = ends[0];
    route.toCentre = ends[1];
    route.points = points;
    route.tip = tip[0];
    return route;
}

} // namespace mls
