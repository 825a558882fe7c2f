// SPDX-License-Identifier: MIT
#pragma once

#include <QInputDialog>

namespace mls {

/// Arrange → Group into Zone: asks for the zone's name, proposing @p proposedName (all of it
/// selected, so typing replaces it). Wide enough that its title is never cut.
class ZoneDialog : public QInputDialog
{
    Q_OBJECT
public:
    ZoneDialog(const QString &proposedName, int members, QWidget *parent = nullptr);

    /// The name typed, or empty when cancelled or left blank.
    static QString ask(QWidget *parent, const QString &proposedName, int members);
};

} // namespace mls
