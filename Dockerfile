# The interview server on Debian with the CPU build of torch. For users; tests do not need Docker.
FROM python:3.11-slim-bookworm
WORKDIR /app
# espeak-ng: the agent's English voice (Mandarin needs a configured engine, INTERVIEW_TTS_ZH_COMMAND).
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng && rm -rf /var/lib/apt/lists/*
ARG TORCH_INDEX_URL
COPY pyproject.toml README.md ./
COPY server server
COPY realtime realtime
COPY agent agent
COPY scoring scoring
COPY web web
COPY ehr_sync ehr_sync
RUN if [ -n "$TORCH_INDEX_URL" ]; then pip install --no-cache-dir torch==2.13.0 --index-url "$TORCH_INDEX_URL"; \
    else pip install --no-cache-dir torch==2.13.0; fi \
 && pip install --no-cache-dir . \
 && python -m venv /opt/vision && /opt/vision/bin/pip install --no-cache-dir "mediapipe==0.10.21"
# The face detector for presence flags runs in its own environment (mediapipe pins numpy<2).
ENV INTERVIEW_HOST=0.0.0.0 INTERVIEW_DATA_DIR=/data INTERVIEW_FACE_PYTHON=/opt/vision/bin/python
VOLUME /data
EXPOSE 8000
CMD ["interview", "serve"]
