// SPDX-License-Identifier: MIT
#include "LatencySpinBox.h"

namespace mls {

namespace {
constexpr double NoOverride = -1; ///< the value that reads "Default (N ms)"
}

LatencySpinBox::LatencySpinBox(QWidget *parent) : QDoubleSpinBox(parent)
{
    setDecimals(2);
    setSuffix(QStringLiteral(" ms"));
    setAccelerated(true);
}

void LatencySpinBox::setDefaultLatency(double ms, double maximum)
{
    m_hasDefault = true;
    m_default = ms;
    setRange(NoOverride, maximum);
    setSpecialValueText(
        tr("Default (%1 ms)").arg(locale().toString(ms, 'f', QLocale::FloatingPointShortest)));
}

std::optional<double> LatencySpinBox::overrideMs() const
{
    if (m_hasDefault && value() == minimum())
        return std::nullopt;
    return value();
}

void LatencySpinBox::setOverrideMs(std::optional<double> ms)
{
    const double shown = ms.value_or(NoOverride);
    if (value() != shown)
        setValue(shown);
}

QString LatencySpinBox::textFromValue(double value) const
{
    QString text = locale().toString(value, 'f', QLocale::FloatingPointShortest);
    if (!isGroupSeparatorShown())
        text.remove(locale().groupSeparator());
    return text;
}

void LatencySpinBox::stepBy(int steps)
{
    if (m_hasDefault && value() == minimum() && steps > 0)
        setValue(m_default);
    else
        QDoubleSpinBox::stepBy(steps);
}

} // namespace mls
