// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMenu;

namespace mls {

class DiagramScene;
class DiagramView;

/// The View menu's zoom entries and the board options (grid, snap, flow legend, connection routing,
/// incompatible connections), remembered in QSettings and applied to each new scene.
class ViewOptions : public QObject
{
    Q_OBJECT
public:
    /// Zooms @p view; @p parent owns the actions.
    ViewOptions(DiagramView *view, QObject *parent);

    /// Adds zoom, fit and the board options to @p menu.
    void populate(QMenu *menu);
    /// Applies the options to @p scene now and whenever they change (null: none).
    void setScene(DiagramScene *scene);
    void readSettings();
    void writeSettings() const;

private:
    void apply();

    DiagramView *m_view;
    DiagramScene *m_scene = nullptr;
    QAction *m_grid = nullptr;
    QAction *m_snap = nullptr;
    QAction *m_legend = nullptr;
    QAction *m_incompatible = nullptr;
    QList<QAction *> m_routing;
};

} // namespace mls
