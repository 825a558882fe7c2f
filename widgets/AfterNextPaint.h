// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace mls {

/// Runs a function once, on the event-loop turn after a widget's next paint: work the first
/// frame does not need (the first full rule check of an opened file) waits until the board is
/// on screen instead of delaying it. Deletes itself after running, or with the widget or the
/// context object.
class AfterNextPaint : public QObject
{
public:
    /// Watches @p widget (visible; a hidden one never paints); @p fn runs in @p context's
    /// thread unless @p context is gone by then.
    static void run(QWidget *widget, QObject *context, std::function<void()> fn);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    AfterNextPaint(QWidget *widget, QObject *context, std::function<void()> fn);

    QPointer<QObject> m_context;
    std::function<void()> m_fn;
    bool m_painted = false;
};

} // namespace mls
