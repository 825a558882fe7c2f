// SPDX-License-Identifier: MIT
#pragma once

#include "Arrange.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace mls {

class DiagramScene;
class Document;

/// The Arrange menu: align, distribute, group into a zone, ungroup, and z-order. Each is one
/// undo step computed from the model (the geometry is in core's Arrange functions).
class ArrangeActions : public QObject
{
    Q_OBJECT
public:
    /// Arranges @p document; dialogs open over @p window.
    ArrangeActions(Document *document, QWidget *window);

    /// Follows the scene of the document's current diagram.
    void setScene(DiagramScene *scene) { m_scene = scene; }
    void populate(QMenu *menu);
    void updateEnabled();

public Q_SLOTS:
    void align(Arrange::Align how);
    void distribute(Arrange::Axis axis);
    /// Puts the selected components in a new zone named @p label (asks when empty).
    void groupIntoZone(const QString &label = {});
    void ungroup();
    void bringToFront();
    /// Gives the selected zones a colour ("#RRGGBB"), one undo step.
    void colourZones(const QString &color);

public:
    /// A menu of preset zone colours acting on the selected zones.
    QMenu *zoneColourMenu(QWidget *parent);

public Q_SLOTS:
    void sendToBack();

private:
    Document *m_document;
    QWidget *m_window;
    DiagramScene *m_scene = nullptr;
    QList<QAction *> m_needTwo;   ///< align
    QList<QAction *> m_needThree; ///< distribute
    QList<QAction *> m_needOne;   ///< group, z-order
    QAction *m_ungroup = nullptr;
};

} // namespace mls
