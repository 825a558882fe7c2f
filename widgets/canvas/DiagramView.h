// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>
#include <QImage>
#include <QPointer>

#include <QLineEdit>

#include <memory>

namespace mls {

namespace FarBoardPainter {
class Board;
}

class DiagramScene;
class FlowLegendOverlay;

/// The viewport onto the board: zoom anchored under the cursor, Fit, and zoom reporting.
class DiagramView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DiagramView(QWidget *parent = nullptr);
    ~DiagramView() override;

    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal zoom);
    /// 0.5 %: a 200,000-pixel-wide sfdp layout still fits a 1000-pixel view. Fit goes lower
    /// when the content needs it (up to the coordinate limit), so Fit always fits.
    static constexpr qreal minZoom = 0.005;
    static constexpr qreal maxZoom = 4.0;

    DiagramScene *diagramScene() const;
    /// Edits the label of a component or zone in place (F2, double-click). Enter commits,
    /// Escape cancels.
    void editLabel(const QString &id);
    /// The in-place editor while one is open.
    QLineEdit *labelEditor() const { return m_editor; }
    /// Where a double-clicked @p kind lands: the free grid place nearest to the view's centre
    /// (a new card never covers another).
    QPointF centreForNewComponent(const QString &kind) const;
    /// The legend of the flows drawn, in the viewport's bottom-left corner.
    FlowLegendOverlay *flowLegend() const { return m_legend; }
    /// Adds a component of @p kind at @p scenePos as one undo step; returns its id.
    QString addComponent(const QString &kind, const QPointF &scenePos);
    /// Whether a board zoomed out below FarBoardPainter::maxZoom is painted in batches
    /// (FarBoardPainter) rather than item by item. On by default; off, every zoom paints item
    /// by item (what the batches are compared with).
    void setFarBatching(bool on);
    bool farBatching() const { return m_farBatching; }
    /// Whether the last paint was drawn in batches.
    bool paintedInBatches() const { return m_batchedPaint; }
    /// How many times the batches read the items (tests: a paint without a change of the
    /// scene reads nothing; one after a change reads them again).
    int farBoardReads() const;
    /// The board as the last batched paint drew it (before the rubber band).
    const QImage &farBoardImage() const { return m_farImage; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void actualSize();
    /// Frames the whole diagram (never enlarging past 100 %).
    void fitToContent();

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    /// A .mlsketch file was dropped on the board.
    void fileDropped(const QString &path);
    /// Right-click: the item under the cursor is selected first (empty id: the canvas).
    void contextMenuRequested(const QPoint &globalPos, const QString &itemId);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    /// Where Fit puts @p content (scene size), in viewport pixels: the viewport less a margin,
    /// and less the flow legend's corner when the legend shows.
    QRectF fitArea(const QSizeF &content) const;
    void commitLabel();
    /// Follows the changes of the scene the batches draw (see FarBoardPainter::Board).
    void watchScene(DiagramScene *scene);
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panFrom;
    QPointer<QLineEdit> m_editor;
    QString m_editedId;
    FlowLegendOverlay *m_legend = nullptr;
    bool m_farBatching = true;
    bool m_batchedPaint = false;
    QImage m_farImage; ///< the batched board, drawn in full each paint and then shown
    std::unique_ptr<FarBoardPainter::Board> m_farBoard; ///< kept between paints
    QPointer<DiagramScene> m_watched;                   ///< whose changes invalidate it
};

} // namespace mls
