// SPDX-License-Identifier: MIT
#include "WaiverDialog.h"

#include <QDialogButtonBox>
#include <QPushButton>

namespace mls {

WaiverDialog::WaiverDialog(const Finding &finding, QWidget *parent) : QInputDialog(parent)
{
    setWindowTitle(tr("Waive %1").arg(finding.rule()));
    setLabelText(tr("%1\n\nWhy does “%2” not apply here? The reason is saved in the file.")
                     .arg(finding.message(), finding.title()));
    setTextValue(finding.waiverReason());
    setOkButtonText(tr("Waive"));
    connect(this, &QInputDialog::textValueChanged, this, &WaiverDialog::updateWaiveButton);
}

QPushButton *WaiverDialog::waiveButton() const
{
    const auto *buttons = findChild<QDialogButtonBox *>();
    return buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
}

void WaiverDialog::showEvent(QShowEvent *event)
{
    QInputDialog::showEvent(event); // lays the dialog out: the buttons exist from here on
    updateWaiveButton();
}

void WaiverDialog::updateWaiveButton()
{
    if (QPushButton *waive = waiveButton())
        waive->setEnabled(!reason().isEmpty());
}

bool WaiverDialog::ask(QWidget *parent, const Finding &finding, QString *reason)
{
    WaiverDialog dialog(finding, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.reason().isEmpty())
        return false;
    *reason = dialog.reason();
    return true;
}

} // namespace mls
