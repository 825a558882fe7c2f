// SPDX-License-Identifier: MIT
#include "WrappedLabel.h"

namespace mls {

WrappedLabel::WrappedLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

void WrappedLabel::setWrappedText(const QString &text)
{
    setText(text);
    fit();
}

void WrappedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fit();
}

void WrappedLabel::fit()
{
    const int needed = heightForWidth(width());
    if (needed > 0 && minimumHeight() != needed)
        setMinimumHeight(needed);
}

} // namespace mls
