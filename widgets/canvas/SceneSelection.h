// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <functional>

namespace mls {

class DiagramScene;

/// The board's selection by id: worked out once per selection change (every panel and action
/// asks), set from ids, select-all, and revealing elements found elsewhere (Find, Problems).
class SceneSelection
{
public:
    explicit SceneSelection(DiagramScene *scene) : m_scene(scene) {}

    /// The selection or the file order changed: work the ids out again on their next use
    /// (unless the gesture that changed it already did).
    void forget();
    /// Selected ids, each kind in file order.
    const QStringList &components() const { return ids().components; }
    const QStringList &connections() const { return ids().connections; }
    const QStringList &groups() const { return ids().groups; }
    const QStringList &notes() const { return ids().notes; }
    /// Whether nothing is selected, and how many elements are (cheaper than the scene's
    /// selectedItems(), which rebuilds its set of selected items).
    bool isEmpty() const;
    qsizetype count() const;

    /// Selects exactly these elements, with one selectionChanged.
    void select(const QStringList &ids);
    /// Selects every card, arrow, zone and note with one selectionChanged.
    void selectEverything();
    /// Changes of at least this many items' selection are one update of the whole scene.
    static constexpr qsizetype bulkItems = 500;
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
    /// Runs @p apply, which changes the selection of about @p items items, as one gesture.
    void change(qsizetype items, const std::function<void()> &apply);
    /// Lights the cards @p ids up for a moment.
    void blink(const QStringList &ids);

    DiagramScene *m_scene;
    mutable Ids m_ids;
    bool m_keepIds = false; ///< the next forget() keeps m_ids: a gesture set them
};

} // namespace mls
