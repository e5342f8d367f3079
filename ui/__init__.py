"""App-side helpers shared by the Streamlit pages (the engine lives in `readiness`)."""
