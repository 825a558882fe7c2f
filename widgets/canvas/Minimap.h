// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QPointer>
#include <QWidget>

class QAction;
class QTimer;

namespace mls {

class DiagramScene;
class DiagramView;

/// A small overview of the whole board in a corner of the view, with the part the view shows
/// outlined; a click or a drag there moves the view. It appears by itself when the board is
/// larger than the view, and can be switched off (its toggleAction(), in the View menu).
class Minimap : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxSide = 200; ///< the longer side, in pixels
    static constexpr int inset = 12;    ///< distance from the view's corner

    explicit Minimap(DiagramView *view);

    QAction *toggleAction() const { return m_toggle; }
    /// Whether the board needs an overview: its content is not all within the view.
    bool contentExceedsView() const;
    /// Board point under the overview's pixel @p pos.
    QPointF toScene(const QPointF &pos) const;

public Q_SLOTS:
    /// Re-reads the board after a change (coalesced: at most a few times a second).
    void scheduleRefresh();
    /// Shows or hides itself and moves to the corner, following the view.
    void follow();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void watchScene();
    DiagramScene *scene() const;

    DiagramView *m_view;
    QAction *m_toggle;
    QTimer *m_refresh;
    QPointer<DiagramScene> m_scene;
    QImage m_image;
    QRectF m_content; // the board area m_image shows
    /// The scene's contentRect() until the scene changes: scrolling asks for it at every
    /// step, and it unites every item of the board.
    mutable QRectF m_extent;
};

} // namespace mls
