// SPDX-License-Identifier: MIT
#include "BoardHint.h"

#include "Diagram.h"
#include "DiagramScene.h"
#include "DiagramView.h"

#include <QEvent>

namespace mls {

BoardHint::BoardHint(DiagramView *view) : QLabel(view->viewport()), m_view(view)
{
    setObjectName(QStringLiteral("boardHint"));
    setText(tr("Drag components here from the palette\n"
               "or double-click one there to add it"));
    setAlignment(Qt::AlignCenter);
    setAttribute(Qt::WA_TransparentForMouseEvents); // drops and clicks reach the board
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    setFont(f);
    QPalette p = palette();
    QColor text = p.color(QPalette::Text);
    text.setAlphaF(0.45f); // quiet, like a placeholder
    p.setColor(QPalette::WindowText, text);
    setPalette(p);
    view->viewport()->installEventFilter(this);
    // A new document means a new scene; the view announces it with a zoom change (Fit).
    connect(view, &DiagramView::zoomChanged, this, &BoardHint::follow);
    follow();
}

void BoardHint::follow()
{
    auto *s = qobject_cast<DiagramScene *>(m_view->scene());
    if (s != m_scene) {
        for (const QMetaObject::Connection &c : std::as_const(m_watched))
            disconnect(c);
        m_watched.clear();
        m_scene = s;
        if (s && s->diagram()) {
            // At once, not on the scene's deferred repaint: the hint must not linger.
            for (auto signal : {&Diagram::componentAdded, &Diagram::componentRemoved,
                                &Diagram::noteAdded, &Diagram::noteRemoved})
                m_watched << connect(s->diagram(), signal, this, &BoardHint::follow);
        }
    }
    // A note on an empty board is work: the hint would lie over it.
    const bool empty =
        s && s->diagram() && s->diagram()->components().empty() && s->diagram()->notes().empty();
    if (empty) {
        resize(parentWidget()->size());
        move(0, 0);
    }
    setVisible(empty);
}

bool BoardHint::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        follow();
    return QLabel::eventFilter(watched, event);
}

} // namespace mls
