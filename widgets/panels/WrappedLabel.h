// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace mls {

/// A word-wrapped label whose minimum height is what its text needs at its current width, so
/// the layout it sits in gives it every line (a layout otherwise sizes it by its size hint and
/// cuts a long text off).
class WrappedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrappedLabel(QWidget *parent = nullptr);
    /// Sets the text and asks for the height it needs.
    void setWrappedText(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fit();
};

} // namespace mls
