#pragma once

#include <QGraphicsView>

namespace mls {

class DiagramScene;

/// The viewport onto the board: zoom anchored under the cursor, Fit, and zoom reporting.
class DiagramView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DiagramView(QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal zoom);
    static constexpr qreal minZoom = 0.05;
    static constexpr qreal maxZoom = 4.0;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void actualSize();
    /// Frames the whole diagram (never enlarging past 100 %).
    void fitToContent();

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

} // namespace mls
