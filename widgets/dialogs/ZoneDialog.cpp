// SPDX-License-Identifier: MIT
#include "ZoneDialog.h"

#include "commands/CommandIds.h"

#include <QLineEdit>

#include <algorithm>

namespace mls {

ZoneDialog::ZoneDialog(const QString &proposedName, int members, QWidget *parent)
    : QInputDialog(parent)
{
    setWindowTitle(tr("Group into Zone"));
    setLabelText(tr("Name of the zone around %1:")
                     .arg(countText(members, tr("component"), tr("components"))));
    setTextValue(proposedName);
    setOkButtonText(tr("Group"));
    // QInputDialog is as narrow as its field: the window manager then elided the title
    // ("Group… Zone"). The field is made wide enough for the title and the title bar's icon and
    // buttons (the dialog's own minimum width is overridden by its layout).
    const int titleWidth = fontMetrics().horizontalAdvance(windowTitle());
    if (auto *edit = findChild<QLineEdit *>()) {
        edit->setMinimumWidth(std::max(300, titleWidth * 4 / 3 + 180));
        edit->selectAll();
    }
}

QString ZoneDialog::ask(QWidget *parent, const QString &proposedName, int members)
{
    ZoneDialog dialog(proposedName, members, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.textValue().trimmed();
}

} // namespace mls
