// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>
#include <vector>

class QWidget;

namespace mls {

class Diagram;
class RecoveryStore;

/// A session restored after a crash: the diagram, the file it belonged to and the store's
/// session, which keeps being autosaved.
struct RestoredSession
{
    std::unique_ptr<Diagram> diagram;
    QString originalPath;
    QString sessionId;
};

/// The start-up question "Restore unsaved work?" over the orphaned sessions of @p store.
class RecoveryPrompt
{
public:
    /// Asks once for all orphans; restores and adopts them on Yes, discards them otherwise.
    /// Sessions that cannot be read are reported and discarded.
    static std::vector<RestoredSession> ask(RecoveryStore &store, QWidget *parent);
};

} // namespace mls
