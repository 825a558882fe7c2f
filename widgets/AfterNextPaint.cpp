// SPDX-License-Identifier: MIT
#include "AfterNextPaint.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace mls {

AfterNextPaint::AfterNextPaint(QWidget *widget, QObject *context, std::function<void()> fn)
    : QObject(widget), m_context(context), m_fn(std::move(fn))
{
    widget->installEventFilter(this);
}

void AfterNextPaint::run(QWidget *widget, QObject *context, std::function<void()> fn)
{
    new AfterNextPaint(widget, context, std::move(fn));
}

bool AfterNextPaint::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        watched->removeEventFilter(this);
        // After this paint has reached the screen: the next turn of the event loop.
        QTimer::singleShot(0, this, [this] {
            if (m_context)
                m_fn();
            deleteLater();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mls
