// SPDX-License-Identifier: MIT
#pragma once

#include "FindingBadge.h"

#include <QColor>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace mls {

class ComponentItem;
class ConnectionItem;
class DiagramScene;

/// What the board shows on its cards and arrows beyond the model: design-rule badges, an
/// emphasised path, practice pair colours. Kept by id, so an item added later gets its own.
class SceneMarkers
{
public:
    explicit SceneMarkers(DiagramScene *scene) : m_scene(scene) {}

    /// Each card and arrow shows a badge for its unwaived findings; only the items whose
    /// badge appears, changes or goes away are touched.
    void setFindings(const QVector<Finding> &findings);
    /// The findings marked on @p id, as the lines of its tooltip (FindingBadge::toolTip).
    QString toolTip(const QString &id) const { return FindingBadge::toolTip(m_findings, id); }
    bool visible() const { return m_visible; }
    void setVisible(bool visible) { m_visible = visible; }
    void setHighlighted(const QStringList &components, const QStringList &connections);
    void setPairColors(const QHash<QString, QColor> &colors);
    /// Gives a new item the badge and emphasis of its id.
    void decorate(ComponentItem *item, const QString &id) const;
    void decorate(ConnectionItem *item, const QString &id) const;

private:
    DiagramScene *m_scene;
    bool m_visible = true;
    /// The badge of each id of m_findings, for decorate(): made when an item is added after the
    /// findings came (the items hold their own badges; a 10k board's hash was a megabyte).
    const QHash<QString, FindingBadge::Marker> &markers() const;
    mutable QHash<QString, FindingBadge::Marker> m_markers;
    mutable bool m_markersMade = false;
    QVector<Finding> m_findings; ///< the list the badges come from (shared, not copied)
    QSet<QString> m_highlighted;
};

} // namespace mls
