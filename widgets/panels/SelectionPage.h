// SPDX-License-Identifier: MIT
#pragma once

#include "InspectorPage.h"

namespace mls {

class WrappedLabel;

/// The inspector's page for a multiple selection: what is selected, counted.
class SelectionPage : public InspectorPage
{
    Q_OBJECT
public:
    explicit SelectionPage(QWidget *parent = nullptr);

    /// Counts @p components and @p connections ("3 components, 1 connection selected").
    void setCounts(int components, int connections);
    void refresh() override {}

    WrappedLabel *summaryLabel() const { return m_summary; }

private:
    WrappedLabel *m_summary;
};

} // namespace mls
