// SPDX-License-Identifier: MIT
#pragma once

#include "Finding.h"

#include <QInputDialog>

class QPushButton;

namespace mls {

/// Asks why a finding does not apply here: shows the finding, takes a reason (saved in the
/// file with the waiver) and keeps Waive disabled while the reason is empty — a waiver without
/// a reason teaches the next reader nothing.
class WaiverDialog : public QInputDialog
{
    Q_OBJECT
public:
    explicit WaiverDialog(const Finding &finding, QWidget *parent = nullptr);

    /// The reason typed, trimmed.
    QString reason() const { return textValue().trimmed(); }
    /// The Waive button (exists once the dialog is shown; nullptr before).
    QPushButton *waiveButton() const;

    /// Shows the dialog for @p finding; false when cancelled, else the reason in @p reason.
    static bool ask(QWidget *parent, const Finding &finding, QString *reason);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateWaiveButton();
};

} // namespace mls
