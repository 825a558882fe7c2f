// SPDX-License-Identifier: MIT
#pragma once

#include "Coalesced.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QAbstractScrollArea;

namespace mls {

class DiagramScene;

/// The flow legend in the bottom-left corner of a view's viewport: a small widget over it that
/// ignores the mouse, follows the diagram's connections and the board's style, and hides when
/// no arrow is drawn. A child of the view, not of the viewport, which scrolls its children.
class FlowLegendOverlay : public QWidget
{
    Q_OBJECT
public:
    explicit FlowLegendOverlay(QAbstractScrollArea *view);

    void setScene(DiagramScene *scene);
    /// Whether the user wants it (View menu); it still hides on a board without arrows.
    void setWanted(bool wanted);
    bool isWanted() const { return m_wanted; }
    const QStringList &flows() const { return m_flows; }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void place();

    QAbstractScrollArea *m_view;
    QPointer<DiagramScene> m_scene;
    QStringList m_flows;
    bool m_wanted = true;
    Coalesced m_connectionsChanged{this, [this] { refresh(); }}; ///< per connection signal
};

} // namespace mls
