// SPDX-License-Identifier: MIT
#pragma once

#include <QScrollArea>

namespace mls {

/// Scrolls an inspector page vertically when the dock is short. The page is as tall as its
/// word-wrapped labels need at the current width: QScrollArea sizes a resizable page by its
/// minimum size, which ignores height-for-width, so a long kind description was cut off.
class PageScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    explicit PageScrollArea(QWidget *page, QWidget *parent = nullptr);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitPage();
};

} // namespace mls
