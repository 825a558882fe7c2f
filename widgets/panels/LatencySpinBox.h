// SPDX-License-Identifier: MIT
#pragma once

#include <QDoubleSpinBox>

#include <optional>

namespace mls {

/// A p99 latency in milliseconds, shown without trailing zeros ("120 ms", "12.5 ms").
///
/// With a default latency (setDefaultLatency()) it edits an override: its lowest value means
/// "no override" and reads "Default (N ms)", and stepping up from there starts at the default
/// rather than at 0. Without one it is a plain range of milliseconds (the diagram's budget).
class LatencySpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit LatencySpinBox(QWidget *parent = nullptr);

    /// Makes the box edit an override of @p ms, up to @p maximum.
    void setDefaultLatency(double ms, double maximum = 1e6);
    double defaultLatency() const { return m_default; }
    /// The override shown, or nullopt at "Default".
    std::optional<double> overrideMs() const;
    /// Shows @p ms, or "Default" for nullopt; no signal when it already shows it.
    void setOverrideMs(std::optional<double> ms);

    QString textFromValue(double value) const override;
    void stepBy(int steps) override;

private:
    bool m_hasDefault = false;
    double m_default = 0;
};

} // namespace mls
