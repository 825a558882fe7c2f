// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPointF>
#include <QString>
#include <QVector>

#include <optional>

class QPainter;

namespace mls {

/// The design-rule marker drawn on cards and arrows, and the icons of the Problems dock:
/// a red disc with "!" (error), an amber triangle with "!" (warning), a blue disc with "i"
/// (info). Drawn with QPainter so it is sharp at every zoom and in exports.
class FindingBadge
{
public:
    static constexpr qreal radius = 8;     ///< scene units, at 100 % and closer
    static constexpr qreal maxRadius = 20; ///< zoomed far out, so the badge stays visible
    /// The radius at a level of detail (screen px per scene unit): at least ~6.5 px on screen.
    static qreal radiusAt(qreal lod);

    /// What one card or arrow shows: the severity of its most severe unwaived finding. The
    /// findings themselves stay in the list they came from; toolTip() reads them on hover, so a
    /// board keeps no copy of any finding's words per item.
    struct Marker
    {
        Severity severity = Severity::Info;
        int count = 0; ///< unwaived findings marked on the item
        bool operator==(const Marker &o) const
        {
            return severity == o.severity && count == o.count;
        }
        bool operator!=(const Marker &o) const { return !(*this == o); }
    };

    static QColor color(Severity severity);
    /// The halo of cards and arrows on a highlighted critical path.
    static QColor pathColor() { return QColor(0x8B, 0x5C, 0xF6); }
    /// Whether a badge of radius @p r drawn at @p scale (screen px per unit) is only a square of
    /// its colour: a few pixels across, its colour is all that can be seen.
    static bool isSquareAt(qreal r, qreal scale) { return r * scale < 1.5; }
    /// Draws the badge centred on @p centre.
    static void paint(QPainter *painter, const QPointF &centre, Severity severity,
                      qreal r = radius);
    /// The badge as an icon (Problems dock, menus); @p muted gives a grey one (waived).
    static QIcon icon(Severity severity, bool muted = false);

    /// Where each unwaived finding is marked, by item id. A finding naming exactly one
    /// connection (a bad flow, a self-loop, a duplicate) is marked on that arrow; any other on
    /// its main subject, the first component it names. Waived findings are not marked.
    static QHash<QString, Marker> markers(const QVector<Finding> &findings);
    /// The id a finding's marker sits on (see markers()).
    static QString markerTarget(const Finding &finding);
    /// HTML, one line per unwaived finding of @p findings marked on @p id, in list order: the
    /// first few, then how many more. Empty when none is.
    static QString toolTip(const QVector<Finding> &findings, const QString &id);
};

} // namespace mls
