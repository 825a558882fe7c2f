// SPDX-License-Identifier: MIT
#include "Minimap.h"

#include "DiagramScene.h"
#include "DiagramView.h"

#include <QAction>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QTimer>

namespace mls {

namespace {
const QString settingKey = QStringLiteral("view/minimap");
constexpr int refreshMs = 300;
} // namespace

Minimap::Minimap(DiagramView *view)
    : QWidget(view), m_view(view), m_toggle(new QAction(tr("Show &Minimap"), this)),
      m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("minimap"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview of the board: click or drag to move the view"));
    m_toggle->setObjectName(QStringLiteral("viewMinimap"));
    m_toggle->setCheckable(true);
    m_toggle->setChecked(QSettings().value(settingKey, true).toBool());
    m_toggle->setToolTip(tr("Show an overview of the board when it is larger than the view"));
    connect(m_toggle, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(settingKey, on);
        follow();
    });
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(refreshMs);
    connect(m_refresh, &QTimer::timeout, this, &Minimap::refresh);
    connect(view, &DiagramView::zoomChanged, this, &Minimap::scheduleRefresh);
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, &Minimap::follow);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &Minimap::follow);
    view->installEventFilter(this);
    hide();
}

DiagramScene *Minimap::scene() const
{
    return qobject_cast<DiagramScene *>(m_view->scene());
}

void Minimap::watchScene()
{
    DiagramScene *s = scene();
    if (s == m_scene)
        return;
    if (m_scene)
        disconnect(m_scene, nullptr, this, nullptr);
    m_scene = s;
    m_extent = QRectF();
    if (s) {
        // Only marks the extent stale: uniting every item's rectangle at each change (a select
        // all changes every item) waits for the coalesced refresh, which shows or hides the
        // overview as the new extent asks.
        connect(s, &QGraphicsScene::changed, this, [this] {
            m_extent = QRectF();
            if (!m_refresh->isActive())
                m_refresh->start();
        });
    }
}

void Minimap::scheduleRefresh()
{
    watchScene();
    if (!m_refresh->isActive())
        m_refresh->start();
    follow();
}

bool Minimap::contentExceedsView() const
{
    const DiagramScene *s = scene();
    if (!s || !s->hasContent())
        return false;
    if (s != m_scene || m_extent.isNull())
        m_extent = s->contentRect();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    return !visible.contains(m_extent);
}

void Minimap::follow()
{
    const bool wanted = m_toggle->isChecked() && contentExceedsView();
    if (wanted) {
        watchScene();
        // On the next turn of the event loop, not in the middle of a view change: Fit resets
        // the zoom to 100 % before it zooms out, and drawing a big board then (every item, for
        // an overview hidden again at once) was a large part of opening it.
        if (m_image.isNull() && !m_refresh->isActive()) {
            QTimer::singleShot(0, this, [this] {
                if (m_image.isNull() && !m_refresh->isActive())
                    refresh();
            });
        }
        const QWidget *vp = m_view->viewport();
        const QSize size = m_image.isNull() ? QSize(maxSide, maxSide * 3 / 4)
                                            : m_image.size() / m_image.devicePixelRatio();
        resize(size);
        move(vp->geometry().right() - size.width() - inset,
             vp->geometry().bottom() - size.height() - inset);
        raise();
    }
    setVisible(wanted);
    if (wanted)
        update();
}

void Minimap::refresh()
{
    watchScene();
    DiagramScene *s = scene();
    if (!s || !m_toggle->isChecked() || !contentExceedsView()) {
        follow();
        return;
    }
    m_content = s->contentRect();
    QSizeF size = m_content.size();
    size.scale(maxSide, maxSide, Qt::KeepAspectRatio);
    const QSize pixels = size.toSize().expandedTo(QSize(40, 40));
    const qreal dpr = devicePixelRatioF();
    QImage image(pixels * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(palette().color(QPalette::Base));
    QElapsedTimer clock;
    clock.start();
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        s->render(&p, QRectF(QPointF(0, 0), QSizeF(pixels)), m_content);
    }
    // A huge board takes a while to draw: redraw it less often, so editing stays fluid.
    m_refresh->setInterval(int(qBound(qint64(refreshMs), clock.elapsed() * 10, qint64(5000))));
    m_image = image;
    follow();
}

QPointF Minimap::toScene(const QPointF &pos) const
{
    if (m_content.isEmpty() || width() == 0 || height() == 0)
        return {};
    return QPointF(m_content.left() + pos.x() / width() * m_content.width(),
                   m_content.top() + pos.y() / height() * m_content.height());
}

void Minimap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.drawImage(rect(), m_image);
    if (!m_content.isEmpty()) {
        // The view's part of the board, in the overview's pixels.
        const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
        const qreal sx = width() / m_content.width();
        const qreal sy = height() / m_content.height();
        const QRectF frame((visible.left() - m_content.left()) * sx,
                           (visible.top() - m_content.top()) * sy, visible.width() * sx,
                           visible.height() * sy);
        const QColor accent = palette().color(QPalette::Highlight);
        QColor fill = accent;
        fill.setAlphaF(0.12f);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(fill);
        p.setPen(QPen(accent, 1.5));
        p.drawRect(frame.intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_view->centerOn(toScene(event->position()));
    event->accept();
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_view->centerOn(toScene(event->position()));
    event->accept();
}

bool Minimap::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        QTimer::singleShot(0, this, &Minimap::follow);
    return QWidget::eventFilter(watched, event);
}

} // namespace mls
