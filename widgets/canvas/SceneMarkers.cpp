// SPDX-License-Identifier: MIT
#include "SceneMarkers.h"

#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "DiagramScene.h"

namespace mls {

void SceneMarkers::setFindings(const QVector<Finding> &findings)
{
    // Compared with what each item shows: only the items whose badge appears, changes or goes
    // away are touched, and nothing but the findings is kept.
    const QHash<QString, FindingBadge::Marker> markers = FindingBadge::markers(findings);
    auto apply = [this](const QString &id, const std::optional<FindingBadge::Marker> &m) {
        if (ComponentItem *item = m_scene->componentItem(id)) {
            if (item->marker() != m)
                item->setMarker(m);
        } else if (ConnectionItem *c = m_scene->connectionItem(id)) {
            if (c->marker() != m)
                c->setMarker(m);
        }
    };
    for (const Finding &f : std::as_const(m_findings)) {
        const QString target = FindingBadge::markerTarget(f);
        if (!target.isEmpty() && !markers.contains(target))
            apply(target, std::nullopt);
    }
    for (auto it = markers.constBegin(); it != markers.constEnd(); ++it)
        apply(it.key(), it.value());
    m_findings = findings;
    m_markers.clear();
    m_markersMade = false;
}

const QHash<QString, FindingBadge::Marker> &SceneMarkers::markers() const
{
    if (!m_markersMade) {
        m_markers = FindingBadge::markers(m_findings);
        m_markersMade = true;
    }
    return m_markers;
}

void SceneMarkers::setHighlighted(const QStringList &components, const QStringList &connections)
{
    QSet<QString> next(components.begin(), components.end());
    next.unite(QSet<QString>(connections.begin(), connections.end()));
    auto apply = [this](const QString &id, bool on) {
        if (ComponentItem *item = m_scene->componentItem(id))
            item->setHighlighted(on);
        else if (ConnectionItem *c = m_scene->connectionItem(id))
            c->setHighlighted(on);
    };
    for (const QString &id : std::as_const(m_highlighted)) {
        if (!next.contains(id))
            apply(id, false);
    }
    for (const QString &id : std::as_const(next))
        apply(id, true);
    m_highlighted = std::move(next);
}

void SceneMarkers::setPairColors(const QHash<QString, QColor> &colors)
{
    for (const Component &c : m_scene->diagram()->components()) {
        if (ComponentItem *item = m_scene->componentItem(c.id))
            item->setPairColor(colors.value(c.id));
    }
}

namespace {
template <typename Item>
void applyTo(Item *item, const QString &id, const QHash<QString, FindingBadge::Marker> &markers,
             const QSet<QString> &highlighted)
{
    if (auto it = markers.constFind(id); it != markers.constEnd())
        item->setMarker(*it);
    item->setHighlighted(highlighted.contains(id));
}
} // namespace

void SceneMarkers::decorate(ComponentItem *item, const QString &id) const
{
    applyTo(item, id, markers(), m_highlighted);
}

void SceneMarkers::decorate(ConnectionItem *item, const QString &id) const
{
    applyTo(item, id, markers(), m_highlighted);
}

} // namespace mls
