// SPDX-License-Identifier: MIT
#include "SceneMarkers.h"

#include "ComponentItem.h"
#include "ConnectionItem.h"
#include "Diagram.h"
#include "DiagramScene.h"

namespace mls {

void SceneMarkers::setFindings(const QVector<Finding> &findings)
{
    QHash<QString, FindingBadge::Marker> markers = FindingBadge::markers(findings);
    auto apply = [this](const QString &id, const std::optional<FindingBadge::Marker> &m) {
        if (ComponentItem *item = m_scene->componentItem(id))
            item->setMarker(m);
        else if (ConnectionItem *c = m_scene->connectionItem(id))
            c->setMarker(m);
    };
    for (auto it = m_markers.constBegin(); it != m_markers.constEnd(); ++it) {
        if (!markers.contains(it.key()))
            apply(it.key(), std::nullopt);
    }
    for (auto it = markers.constBegin(); it != markers.constEnd(); ++it) {
        const auto old = m_markers.constFind(it.key());
        if (old == m_markers.constEnd() || !(*old == it.value()))
            apply(it.key(), it.value());
    }
    m_markers = std::move(markers);
    m_findings = findings;
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
    applyTo(item, id, m_markers, m_highlighted);
}

void SceneMarkers::decorate(ConnectionItem *item, const QString &id) const
{
    applyTo(item, id, m_markers, m_highlighted);
}

} // namespace mls
