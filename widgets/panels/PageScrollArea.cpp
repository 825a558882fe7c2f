// SPDX-License-Identifier: MIT
#include "PageScrollArea.h"

#include <QEvent>
#include <QLayout>

namespace mls {

PageScrollArea::PageScrollArea(QWidget *page, QWidget *parent) : QScrollArea(parent)
{
    setWidget(page);
    page->installEventFilter(this);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void PageScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fitPage();
}

bool PageScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        fitPage();
    return QScrollArea::eventFilter(watched, event);
}

void PageScrollArea::fitPage()
{
    QWidget *page = widget();
    if (!page || !page->layout() || !page->layout()->hasHeightForWidth())
        return;
    const int needed = page->layout()->totalHeightForWidth(viewport()->width());
    if (page->minimumHeight() != needed)
        page->setMinimumHeight(needed);
}

} // namespace mls
