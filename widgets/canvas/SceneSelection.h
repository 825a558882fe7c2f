// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace mls {

class DiagramScene;

/// The board's selection by id: worked out once per selection change (every panel and action
/// asks), set from ids, select-all, and revealing elements found elsewhere (Find, Problems).
class SceneSelection
{
public:
    explicit SceneSelection(DiagramScene *scene) : m_scene(scene) {}

    /// The selection or the file order changed: work the ids out again on their next use.
    void forget() { m_ids.valid = false; }
    /// Selected ids: components and notes in file order, connections and zones sorted.
    const QStringList &components() const { return ids().components; }
    const QStringList &connections() const { return ids().connections; }
    const QStringList &groups() const { return ids().groups; }
    const QStringList &notes() const { return ids().notes; }

    /// Selects exactly these elements, with one selectionChanged.
    void select(const QStringList &ids);
    /// Selects every card, arrow, zone and note with one selectionChanged.
    void selectEverything();
    /// Selects a component, centres every view on it and makes it blink.
    void revealComponent(const QString &id);
    /// Selects the elements, centres every view on them and makes their cards blink.
    void revealItems(const QStringList &ids);

private:
    struct Ids
    {
        QStringList components, connections, groups, notes;
        bool valid = false;
    };
    const Ids &ids() const;
    /// Lights the cards @p ids up for a moment.
    void blink(const QStringList &ids);

    DiagramScene *m_scene;
    mutable Ids m_ids;
};

} // namespace mls
